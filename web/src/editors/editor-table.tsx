import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The list of an editor: one row an item, its first column the row header, and the row's actions last. */
export function EditorTable<T>({
  caption,
  columns,
  items,
  keyOf,
  actions,
}: {
  caption: string;
  columns: ReadonlyArray<readonly [string, (item: T) => ReactNode]>;
  items: readonly T[];
  keyOf: (item: T) => string;
  /** The edit and delete buttons of an item; no column when absent (a role that may not write). */
  actions?: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map(([header]) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
            {actions && <th scope="col">{t('editor.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={keyOf(item)}>
              {columns.map(([header, cell], i) =>
                i === 0 ? (
                  <th key={header} scope="row">
                    {cell(item)}
                  </th>
                ) : (
                  <td key={header}>{cell(item)}</td>
                ),
              )}
              {actions && <td>{actions(item)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
