/**
 * The indicator library the editor suggests from: the one kept in the data folder (loaded from
 * Node when the app starts) plus every line of the open document, learnt when an editor opens.
 */
import {
  EMPTY_LIBRARY,
  learnFromDocument,
  type IndicatorLibrary,
} from '../../../shared/library/indicator-library';
import type { ZipingDocument } from '../../../shared/model/types';

let saved: IndicatorLibrary = EMPTY_LIBRARY;

export function setSavedLibrary(library: IndicatorLibrary): void {
  saved = library;
}

export function libraryWith(doc: ZipingDocument): IndicatorLibrary {
  return learnFromDocument(saved, doc);
}
