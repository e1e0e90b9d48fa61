// Updates (#19 item 1): Settings → Updates and the notice of a new version (app/Shell), both
// loaded lazily (Shell.tsx, SettingsPage.tsx) so the first screen does not carry them.
export { UpdateNotice } from './UpdateNotice';
export { UpdatesSettings } from './UpdatesSettings';
