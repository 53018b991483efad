// The desktop app's entry. All logic lives in plain Node modules; src-main/electron/ is the thin adapter.
import { startDesktopApp } from './electron/main';

startDesktopApp();
