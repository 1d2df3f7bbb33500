/**
 * The one place a board's links are spelled. A token travels in the fragment, which browsers never send to a
 * server, so it stays out of access logs and Referer headers; the client takes it from there and forgets it.
 */
export function boardLinks(baseUrl: string) {
  return {
    withToken: (boardId: string, token: string) => `${baseUrl}/b/${boardId}#token=${token}`,
    projector: (boardId: string, token: string) => `${baseUrl}/b/${boardId}/present#token=${token}`,
    progress: (boardId: string, token: string) => `${baseUrl}/b/${boardId}/progress#token=${token}`,
    participant: (joinCode: string) => `${baseUrl}/join/${joinCode}`,
    forum: (forumId: string, token: string) => `${baseUrl}/f/${forumId}#token=${token}`,
  };
}
