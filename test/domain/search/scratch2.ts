import { stemmer as ru } from '@orama/stemmers/russian';
import { stemmer as sr } from '@orama/stemmers/serbian';
import { stemmer as en } from '@orama/stemmers/english';
for (const w of ['ресторан','ресторана','restoran','restorana','pekarnya','pekarnju','stomatolog','detskogo','cafe','cafes','salon','bistro','bistroa','sadik','hair','kafana','kafane','kafani']) console.log(w, ru(w), sr(w), en(sr(w)));
