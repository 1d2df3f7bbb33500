export interface StoredForum {
  id: string;
  name: string;
  createdAt: number;
  /** Its workshops in the order they were held (their boards' creation), oldest first. */
  boardIds: string[];
}

export interface ForumLinkRecord {
  forumId: string;
  kind: 'facilitator' | 'read';
}

/** Why a workshop was not added: the forum is unknown, is full, or the workshop belongs to a forum already. */
export type AddWorkshopResult = 'added' | 'unknown-forum' | 'full' | 'in-a-forum';

/**
 * Forums of workshops and the links into them (stored as hashes, as every token is). A workshop belongs to at most
 * one forum; deleting its board takes it out of its forum with the rest of its rows.
 */
export interface ForumStore {
  /** Creates the forum with its first workshop and its facilitator link; false, writing nothing, when that workshop is in a forum. */
  create(forum: Omit<StoredForum, 'boardIds'>, boardId: string, facilitatorHash: string): Promise<boolean>;
  read(forumId: string): Promise<StoredForum | undefined>;
  forumOf(boardId: string): Promise<string | undefined>;
  rename(forumId: string, name: string): Promise<boolean>;
  /** The one way a workshop joins a forum; the cap (FORUM_LIMITS.maxWorkshops) is the database's, with the write. */
  addWorkshop(forumId: string, boardId: string): Promise<AddWorkshopResult>;
  removeWorkshop(forumId: string, boardId: string): Promise<boolean>;
  /** Adds a read link unless the forum holds `cap` of them already. */
  addReadLink(forumId: string, hash: string, createdAt: number, cap: number): Promise<boolean>;
  findLink(hash: string): Promise<ForumLinkRecord | undefined>;
  /** The read links, oldest first, each with the hash it is stored under. */
  listReadLinks(forumId: string): Promise<Array<{ hash: string; createdAt: number }>>;
  removeReadLink(forumId: string, hash: string): Promise<boolean>;
}
