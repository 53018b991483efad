import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultApiClient } from './api';
import { App } from './app/App';
import { createAppStores, refetchOnPush } from './app/createAppStores';
import { StoresContext } from './app/storesContext';
import './styles/index.css';

// One client and one set of stores for the page's lifetime; everything below gets them from context.
const api = createDefaultApiClient(window);
const stores = createAppStores(api);
refetchOnPush(api, stores);
void stores.settings.getState().load();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <StoresContext.Provider value={stores}>
      <App />
    </StoresContext.Provider>
  </StrictMode>,
);
