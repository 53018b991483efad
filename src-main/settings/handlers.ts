import type { AppInfo } from '../../src-shared/contract';
import type { HandlerSlice } from '../backend/dispatcher';
import type { SettingsService } from './service';

export function appHandlers(
  settings: SettingsService,
  info: () => AppInfo,
): HandlerSlice<'app.info' | 'settings.get' | 'settings.update'> {
  return {
    'app.info': () => info(),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
