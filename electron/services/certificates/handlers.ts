import type { certificatesCalls } from '@shared/contract/certificates';
import type { Handlers } from '@main/api/dispatch';
import { certificatesDocx, certificatesPdf, certificatesView, registerXlsx } from './documents';
import { certificateCandidates, issueCertificates, reissueCertificate } from './issue';
import { getLayout, setLayout } from './layout';
import { certificateYears, listCertificates } from './register';

export const certificatesHandlers: Handlers<typeof certificatesCalls> = {
  'certificates.candidates': ({ db }, { eventId }) => certificateCandidates(db, eventId),
  'certificates.issue': ({ db, env }, input, scope) => {
    const result = issueCertificates(db, env.dataDir, input);
    // A gender chosen in the dialog was saved to the registry.
    if (Object.keys(input.genders).length > 0) scope.changed('people', 'names');
    return result;
  },
  'certificates.reissue': ({ db, env }, input) => reissueCertificate(db, env.dataDir, input),
  'certificates.list': ({ db }, input) => listCertificates(db, input),
  'certificates.years': ({ db }) => certificateYears(db),
  'certificates.docx': ({ db, env }, { ids }) => certificatesDocx(db, env.dataDir, ids),
  'certificates.view': ({ db, env }, { ids }) => certificatesView(db, env.dataDir, ids),
  'certificates.pdf': ({ db, env }, { ids }) => certificatesPdf(db, env, ids),
  'certificates.registerXlsx': ({ db }, { year }) => registerXlsx(db, year),
  'certificates.layout': ({ db }) => getLayout(db),
  'certificates.setLayout': ({ db, env }, input) => setLayout(db, env.dataDir, input),
};
