// Updates (#19 item 1): Settings → Updates and the notice of a new version (app/Shell).
export { UpdateNotice } from './UpdateNotice';
export { UpdatesSettings } from './UpdatesSettings';
