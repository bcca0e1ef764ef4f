// The addresses of a report's photos, as routes/reports/photos.ts serves them. The one place that
// spells these URLs, so the row mappers in db/ never write an '/api/...' path themselves.
export const photoUrl = (reportId: string, photoId: string) => `/api/reports/${reportId}/photos/${photoId}`;
export const thumbUrl = (reportId: string, photoId: string) => `${photoUrl(reportId, photoId)}/thumb`;

/** A photo in a list (wall, review queue, task overview). A phone always uploads a thumbnail;
 *  until it has arrived the full photo stands in. */
export function photoLink(reportId: string, photoId: string, hasThumb: boolean, takenAt: string | null) {
  return {
    reportId,
    photoId,
    url: photoUrl(reportId, photoId),
    thumbUrl: hasThumb ? thumbUrl(reportId, photoId) : photoUrl(reportId, photoId),
    takenAt,
  };
}
