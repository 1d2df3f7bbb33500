/**
 * The two language packages ship JavaScript only; these are the parts the clustering help uses, typed as the
 * packages document them.
 */
declare module '@nlpjs/lang-nl' {
  export class StemmerNl {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-en' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module 'stopword' {
  export const nld: string[];
  export const swe: string[];
  export const eng: string[];
}
