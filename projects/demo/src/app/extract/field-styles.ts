/**
 * The look of a field of the object form (label, value, issue, the part being written), shared by the form and its
 * value fields: each component's styles only reach its own template.
 */
export const FIELD_STYLES = `
  .object-field {
    display: grid;
    grid-template-columns: 7.5rem minmax(0, 1fr);
    gap: 0.1rem 0.5rem;
    align-items: baseline;
    padding: 0.15rem 0.35rem;
    border-radius: 4px;
    transition: background-color 0.3s;
  }
  .label {
    color: var(--muted);
    font-size: 0.85rem;
  }
  .value {
    overflow-wrap: anywhere;
  }
  .issue {
    grid-column: 2;
    display: block;
    color: var(--danger);
    font-size: 0.8rem;
  }
  .has-issue {
    background: var(--danger-surface);
  }
`;
