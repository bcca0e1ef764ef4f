// Worker entry: the API under /api; everything else is the PWA from static assets.
import { createApp } from './app';

const app = createApp({ now: () => new Date() });

export default app satisfies ExportedHandler<Env>;
