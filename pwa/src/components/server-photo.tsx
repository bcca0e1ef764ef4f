// A photo stored on the server, as a thumbnail. A photo viewed once stays in the browser's cache
// (the server marks it immutable), so it shows offline too; one never viewed on this phone cannot
// load offline — say so in words instead of a broken image, and try again when the network is back.
import { useEffect, useState } from 'preact/hooks';
import { onlineStore } from '../lib/net';
import { useStore } from '../lib/store';

export function ServerPhoto({ src, alt }: { src: string; alt: string }) {
  const online = useStore(onlineStore);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (online) setFailed(false);
  }, [online]);
  if (failed) {
    return (
      <span class="photo-unavailable" role="img" aria-label={alt}>
        {online ? '照片加载失败' : '联网后可查看'}
      </span>
    );
  }
  return <img src={src} alt={alt} loading="lazy" onError={() => setFailed(true)} />;
}
