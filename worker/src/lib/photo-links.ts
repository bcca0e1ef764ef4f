// The addresses of a report's photos, as routes/reports/photos.ts serves them, and the route-side
// presenters that attach them. db/ returns plain data (report id, photo id, what has arrived); the
// routes call these before answering, so this file is the one place that spells the URLs.
import type { Report } from '../../../shared/schemas/report';
import type { ListedPhoto } from '../db/photos';
import type { StoredReport } from '../db/report-read';
import type { PhotoUrlParts } from '../db/report-json';

/** The pieces of a photo's address; db/report-json.ts has SQLite join them the same way. */
export const PHOTO_URL_PARTS: PhotoUrlParts = { head: '/api/reports/', middle: '/photos/', thumb: '/thumb' };
const { head, middle, thumb } = PHOTO_URL_PARTS;
export const photoUrl = (reportId: string, photoId: string) => `${head}${reportId}${middle}${photoId}`;
export const thumbUrl = (reportId: string, photoId: string) => `${photoUrl(reportId, photoId)}${thumb}`;

/** A photo in a list (wall, review queue, task overview). A phone always uploads a thumbnail;
 *  until it has arrived the full photo stands in. */
export function photoLink({ reportId, photoId, hasThumb, takenAt }: ListedPhoto) {
  return {
    reportId,
    photoId,
    url: photoUrl(reportId, photoId),
    thumbUrl: hasThumb ? thumbUrl(reportId, photoId) : photoUrl(reportId, photoId),
    takenAt,
  };
}
export type PhotoLink = ReturnType<typeof photoLink>;

/** A row with a list of photos (a report digest, a queue entry), its photos linked. */
export function withPhotoLinks<T extends { photos: ListedPhoto[] }>(row: T): Omit<T, 'photos'> & { photos: PhotoLink[] } {
  return { ...row, photos: row.photos.map(photoLink) };
}

/** A row about one photo (the wall), flattened: the photo's link first, then the row. */
export function withPhotoLink<T extends { photo: ListedPhoto }>({ photo, ...row }: T): PhotoLink & Omit<T, 'photo'> {
  return { ...photoLink(photo), ...row };
}

/** A whole report: a photo's addresses only once it (or its thumbnail) has arrived. */
export function linkReport(report: StoredReport): Report {
  return {
    ...report,
    photos: report.photos.map((p) => ({
      ...p,
      url: p.received ? photoUrl(report.id, p.id) : null,
      thumbUrl: p.thumbReceived ? thumbUrl(report.id, p.id) : null,
    })),
  };
}

/** Absolute links for a workbook opened outside the app (the circular's XLSX). */
export const absolutePhotoUrls = (origin: string, reportId: string, photoIds: readonly string[]) =>
  photoIds.map((p) => `${origin}${photoUrl(reportId, p)}`);
