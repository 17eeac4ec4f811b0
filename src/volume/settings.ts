// templates/volume/volume.yaml: the words and grid lines of the volume's own pages.
// It ships with bulletin (it is not user input), so a bad file is a bug: it throws.

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { templatesDir } from '../paths.js';

export interface VolumeSettings {
  titlePage: { nameLine: number; titleLine: number; title: string; rangeLine: number; range: string; publisherLine: number };
  contents: string;
  index: string;
  issueEntry: string;
  indexEntry: string;
  itemIndent: number;
  briefChars: number;
}

export function volumeSettings(file = path.join(templatesDir, 'volume', 'volume.yaml')): VolumeSettings {
  const v = parse(fs.readFileSync(file, 'utf8')) as VolumeSettings;
  const numbers = [v.titlePage?.nameLine, v.titlePage?.titleLine, v.titlePage?.rangeLine, v.titlePage?.publisherLine, v.itemIndent, v.briefChars];
  const words = [v.titlePage?.title, v.titlePage?.range, v.contents, v.index, v.issueEntry, v.indexEntry];
  if (!numbers.every((n) => Number.isInteger(n) && n >= 0) || !words.every((w) => typeof w === 'string')) throw new Error(`${file} is incomplete`);
  return v;
}
