// Solving in a worker keeps the page responsive whatever the browser does with WebCrypto's promises.
// altcha-lib's own worker entry imports its Node key derivation, so this one uses the WebCrypto one.
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { handler } from 'altcha-lib/workers/shared';

handler({ deriveKey });
