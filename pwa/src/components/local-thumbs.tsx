// Thumbnails of photos still on the phone (drafts and the outbox), from IndexedDB.
import { useEffect, useState } from 'preact/hooks';
import { openDubanDB } from '../db/schema';

export function useLocalThumbUrls(photoIds: string[]): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const key = photoIds.join(',');
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    void (async () => {
      const db = await openDubanDB();
      const next: Record<string, string> = {};
      for (const id of photoIds) {
        const rec = await db.get('photoBlobs', id);
        if (!rec) continue;
        const url = URL.createObjectURL(new Blob([rec.thumb], { type: 'image/jpeg' }));
        made.push(url);
        next[id] = url;
      }
      if (live) setUrls(next);
      else made.forEach((u) => URL.revokeObjectURL(u));
    })();
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return urls;
}

export function LocalThumbs({ photoIds }: { photoIds: string[] }) {
  const urls = useLocalThumbUrls(photoIds);
  if (!photoIds.length) return null;
  return (
    <div class="thumbs">
      {photoIds.map((id, i) =>
        urls[id] ? <img key={id} class="thumb" src={urls[id]} alt={`照片 ${i + 1}`} /> : <span key={id} class="thumb thumb-missing">照片</span>,
      )}
    </div>
  );
}
