/** Data each draggable card and droppable theme carries, for announcements, drops and the card in flight. */
export interface DragCardData {
  title: string;
  cluster: string | null;
  body: string;
  author: string;
  own: boolean;
  accent: string | undefined;
}
export interface DropThemeData {
  name: string;
}
