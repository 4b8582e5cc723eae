import type { DataLicence } from '../../open-data/licence.ts';

/** What every export says about itself. */
export interface ExportMeta {
  title: string;
  licence: DataLicence;
  /** The attribution line the licence asks for. */
  attribution: string;
  generatedAt: string;
}
