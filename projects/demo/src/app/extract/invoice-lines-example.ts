import {z} from 'zod';
import type {ExtractExample} from './extract-example';

/** The currencies an invoice may be in. */
export const INVOICE_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'] as const;

/** An invoice's lines: its number and date, each line, the currency and the total. */
export const InvoiceLinesSchema = z.object({
  invoiceNumber: z.string(),
  date: z.iso.date().describe('The invoice date, YYYY-MM-DD'),
  lines: z.array(
    z.object({
      description: z.string(),
      quantity: z.number().positive(),
      unitPrice: z.number().nonnegative(),
    }),
  ),
  currency: z.enum(INVOICE_CURRENCIES),
  total: z.number(),
});

/** The object the invoice schema gives. */
export type InvoiceLines = z.infer<typeof InvoiceLinesSchema>;

const SAMPLE_TEXT = `INVOICE No. INV-2025-0042
Date: 14 March 2025
Bill to: Lovelace Analytics, 1 Ada Street, London

Description                        Qty   Unit price
Consulting, data pipeline review    12      €150.00
Workshop (half day)                  1      €900.00
Travel expenses                      1       €86.40

Total due: €2,786.40 (EUR), payable within 30 days.`;

/** The invoice example: an invoice pasted as plain text. */
export const INVOICE_LINES_EXAMPLE: ExtractExample<InvoiceLines> = {
  id: 'invoice',
  label: 'Invoice lines',
  output: {schema: InvoiceLinesSchema, name: 'invoice_lines', description: "An invoice's number, date and lines"},
  layout: [
    {kind: 'value', key: 'invoiceNumber', label: 'Invoice number'},
    {kind: 'value', key: 'date', label: 'Date'},
    {
      kind: 'table',
      key: 'lines',
      label: 'Lines',
      columns: [
        {key: 'description', label: 'Description'},
        {key: 'quantity', label: 'Qty', format: 'number'},
        {key: 'unitPrice', label: 'Unit price', format: 'amount'},
      ],
    },
    {kind: 'value', key: 'currency', label: 'Currency'},
    {kind: 'value', key: 'total', label: 'Total', format: 'amount'},
  ],
  sampleText: SAMPLE_TEXT,
  sampleAnswer: {
    invoiceNumber: 'INV-2025-0042',
    date: '2025-03-14',
    lines: [
      {description: 'Consulting, data pipeline review', quantity: 12, unitPrice: 150},
      {description: 'Workshop (half day)', quantity: 1, unitPrice: 900},
      {description: 'Travel expenses', quantity: 1, unitPrice: 86.4},
    ],
    currency: 'EUR',
    total: 2786.4,
  },
  mismatchAnswer: {
    invoiceNumber: 'INV-2025-0042',
    date: '14 March 2025',
    lines: [
      {description: 'Consulting, data pipeline review', quantity: 12, unitPrice: 150},
      {description: 'Workshop (half day)', quantity: 1, unitPrice: 900},
      {description: 'Travel expenses', quantity: 1, unitPrice: '€86.40'},
    ],
    currency: 'Euro',
    total: 2786.4,
  },
  refusal: "I'm sorry, but I can't help with that request.",
};
