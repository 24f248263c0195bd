/**
 * Names module (PEP 503 / PEP 508 / PEP 685): public API.
 */
export {
  normalizeName,
  normalizeExtra,
  isValidName,
  validateName,
  findInvalidNamePosition,
  isNormalizedName,
  namesEqual,
  filenameName,
  filenameVersion,
  InvalidNameError,
  type NormalizedName,
} from './names';
