import { render } from 'preact';
import { App } from './app';
import { matchPath, preloadScreen } from './router';
import { routes } from './routes';
import { applyTextSize } from './lib/text-size';
import { registerServiceWorker } from './lib/sw-register';
import { afterFirstPaint } from './lib/first-paint';
import './styles.css';
import './phone.css';

applyTextSize();
// The screen the URL asks for starts loading before the first render (see preloadScreen).
const first = routes.find((r) => matchPath(r.pattern, location.pathname));
if (first) preloadScreen(first.load);
render(<App />, document.getElementById('app')!);
// Its update check is network work too: after the first screen is painted.
afterFirstPaint(registerServiceWorker);
