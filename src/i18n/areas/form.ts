import { defineArea } from '../messages.ts';
// Generic validation messages used by src/http/forms.ts.
export const form = defineArea({
  it: {
    'form.required': 'Questo campo è obbligatorio.',
    'form.tooShort': { by: 'min', one: 'Scrivi almeno {min} carattere.', other: 'Scrivi almeno {min} caratteri.' },
    'form.tooLong': { by: 'max', one: 'Al massimo {max} carattere.', other: 'Al massimo {max} caratteri.' },
    'form.tooSmall': 'Il valore minimo è {min}.',
    'form.tooBig': 'Il valore massimo è {max}.',
    'form.chooseAtLeast': { by: 'min', one: 'Scegli almeno {min} opzione.', other: 'Scegli almeno {min} opzioni.' },
    'form.chooseAtMost': 'Puoi sceglierne al massimo {max}.',
    'form.invalidEmail': 'Inserisci un indirizzo e-mail valido.',
    'form.invalidFormat': 'Il formato non è valido.',
    'form.invalidChoice': 'Scegli una delle opzioni proposte.',
    'form.invalidDate': 'Inserisci una data valida (AAAA-MM-GG).',
    'form.dateInFuture': 'La data non può essere nel futuro.',
  },
  en: {
    'form.required': 'This field is required.',
    'form.tooShort': { by: 'min', one: 'Write at least {min} character.', other: 'Write at least {min} characters.' },
    'form.tooLong': { by: 'max', one: 'At most {max} character.', other: 'At most {max} characters.' },
    'form.tooSmall': 'The minimum is {min}.',
    'form.tooBig': 'The maximum is {max}.',
    'form.chooseAtLeast': { by: 'min', one: 'Choose at least {min} option.', other: 'Choose at least {min} options.' },
    'form.chooseAtMost': 'You can choose at most {max}.',
    'form.invalidEmail': 'Enter a valid e-mail address.',
    'form.invalidFormat': 'The format is not valid.',
    'form.invalidChoice': 'Choose one of the options offered.',
    'form.invalidDate': 'Enter a valid date (YYYY-MM-DD).',
    'form.dateInFuture': 'The date cannot be in the future.',
  },
});
