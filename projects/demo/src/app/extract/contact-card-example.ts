import {z} from 'zod';
import type {ExtractExample} from './extract-example';

/** A contact card: who, how to reach them, where. */
export const ContactCardSchema = z.object({
  name: z.string().describe('Full name, without titles'),
  email: z.email(),
  phones: z.array(z.string()).describe('Phone numbers in international format'),
  company: z.string().nullable().optional(),
  address: z.object({
    street: z.string(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
});

/** The object the contact schema gives. */
export type ContactCard = z.infer<typeof ContactCardSchema>;

const SAMPLE_TEXT = `Hi Sam,

Thanks for the chat at the conference, let's continue next week.

Best regards,
Dr. Grace Hopper
Head of Compilers, Analytical Engines Ltd.
grace.hopper@analytical-engines.example
Office: +44 20 7946 0958 · Mobile: +44 7700 900123
12 Babbage Row, Cambridge CB2 1TN, United Kingdom`;

/** The contact card example: an e-mail signature. */
export const CONTACT_CARD_EXAMPLE: ExtractExample<ContactCard> = {
  id: 'contact',
  label: 'Contact card',
  output: {schema: ContactCardSchema, name: 'contact_card', description: 'The sender of a message, as a contact card'},
  layout: [
    {kind: 'value', key: 'name', label: 'Name'},
    {kind: 'value', key: 'email', label: 'E-mail'},
    {kind: 'list', key: 'phones', label: 'Phones'},
    {kind: 'value', key: 'company', label: 'Company'},
    {
      kind: 'group',
      key: 'address',
      label: 'Address',
      fields: [
        {kind: 'value', key: 'street', label: 'Street'},
        {kind: 'value', key: 'city', label: 'City'},
        {kind: 'value', key: 'postalCode', label: 'Postal code'},
        {kind: 'value', key: 'country', label: 'Country'},
      ],
    },
  ],
  sampleText: SAMPLE_TEXT,
  sampleAnswer: {
    name: 'Grace Hopper',
    email: 'grace.hopper@analytical-engines.example',
    phones: ['+44 20 7946 0958', '+44 7700 900123'],
    company: 'Analytical Engines Ltd.',
    address: {street: '12 Babbage Row', city: 'Cambridge', postalCode: 'CB2 1TN', country: 'United Kingdom'},
  },
  mismatchAnswer: {
    name: 'Grace Hopper',
    email: 'grace.hopper at analytical-engines.example',
    phones: '+44 20 7946 0958, +44 7700 900123',
    company: 'Analytical Engines Ltd.',
    address: {street: '12 Babbage Row', city: 'Cambridge', country: 'United Kingdom'},
  },
  refusal: "I'm sorry, but I can't help with collecting personal contact details.",
};
