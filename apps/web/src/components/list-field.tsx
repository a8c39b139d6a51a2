import { useId } from 'react';
import { Button, Form } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../types/api';
import { FieldControl, fieldHelp, fieldLabel, fieldRules, widgetOf } from './field-controls';

export interface ListFieldProps {
  /** The list's name in the form (e.g. `vehicles`). */
  name: string;
  /** The declaration: `items` is the row's form; `minItems`/`maxItems` bound the rows. */
  field: FormField;
  required: boolean;
  /** The form's id prefix, so each cell's debounced check has its own key. */
  idPrefix: string;
}

/** One cell: its own declared rules; the ✓ of a checked cell only once it holds a value (an empty optional plate is not "valid"). */
function ListCell({ path, field, required, checkKey }: { path: [string, number, string]; field: FormField; required: boolean; checkKey: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const value: unknown = Form.useWatch(path);
  const w = widgetOf(field);
  return (
    <Form.Item
      name={path.slice(1)}
      label={fieldLabel(field, lang)}
      rules={fieldRules(field, required, { t, lang, checkKey })}
      valuePropName={w === 'boolean' ? 'checked' : 'value'}
      required={required}
      hasFeedback={!!field['x-check'] && value !== undefined && value !== null && value !== ''}
      className="jqt-list-cell"
      data-cell={path[2]}
    >
      <FieldControl f={field} lang={lang} t={t} />
    </Form.Item>
  );
}

/** How many rows a list starts with: its minimum, or one row when it is required and has no minimum. */
export function initialRowCount(field: FormField, required: boolean): number {
  return Math.max(field.minItems ?? 0, required ? 1 : 0);
}

/**
 * A declared `list` field (e.g. batch-inspection's vehicles: rows of VIN + plate + model) as editable rows:
 * a table on a desktop, one card per row on a phone (the cells stack under their labels). Every cell has the
 * rules of its own declared field, checked as the user types; the row count is bounded by the declaration.
 * Server errors such as `data.vehicles.3.vin` land on that cell through ItemForm (`['vehicles', 3, 'vin']`).
 */
export function ListField({ name, field, required, idPrefix }: ListFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const helpId = useId();
  const row = field.items!;
  const columns = Object.entries(row.properties);
  const rowRequired = new Set(row.required ?? []);
  const min = Math.max(field.minItems ?? 0, required ? 1 : 0);
  const max = field.maxItems ?? 1000;
  const label = fieldLabel(field, lang);
  const help = fieldHelp(field, lang);

  return (
    <fieldset className="jqt-list" data-field={name} aria-describedby={help ? helpId : undefined}>
      <legend id={headingId} className={`jqt-list-legend${required ? ' jqt-list-legend-required' : ''}`}>
        {label}
      </legend>
      {help ? (
        <div id={helpId} className="jqt-list-help">
          {help}
        </div>
      ) : null}
      <Form.List
        name={name}
        initialValue={Array.from({ length: initialRowCount(field, required) }, () => ({}))}
        rules={[
          {
            validator: async (_r, rows: unknown[] | undefined) => {
              const n = rows?.length ?? 0;
              if (n < min) throw new Error(t('form.listMin', { label, n: min }));
              if (n > max) throw new Error(t('form.listMax', { label, n: max }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <div className="jqt-list-head" aria-hidden style={{ ['--jqt-cols' as string]: columns.length }}>
              <span className="jqt-list-no">#</span>
              <div className="jqt-list-cells">
                {columns.map(([col, cf]) => (
                  <span key={col} className={rowRequired.has(col) ? 'jqt-list-col-required' : undefined}>
                    {fieldLabel(cf, lang)}
                  </span>
                ))}
              </div>
              <span />
            </div>
            {fields.map((item, index) => (
              <div key={item.key} className="jqt-list-row" role="group" aria-label={t('form.listRow', { n: index + 1 })} data-row={index}>
                <span className="jqt-list-no" aria-hidden>
                  <span className="jqt-list-no-full">{t('form.listRow', { n: index + 1 })}</span>
                  <span className="jqt-list-no-short">{index + 1}</span>
                </span>
                <div className="jqt-list-cells" style={{ ['--jqt-cols' as string]: columns.length }}>
                  {columns.map(([col, cf]) => (
                    <ListCell
                      key={col}
                      path={[name, item.name, col]}
                      field={cf}
                      required={rowRequired.has(col)}
                      checkKey={`${idPrefix}.${name}.${item.key}.${col}`}
                    />
                  ))}
                </div>
                <span className="jqt-list-remove">
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('form.listRemove', { n: index + 1 })}
                    title={t('form.listRemove', { n: index + 1 })}
                    disabled={fields.length <= min}
                    onClick={() => remove(item.name)}
                    data-testid={`${name}-remove-${index}`}
                  />
                </span>
              </div>
            ))}
            <div className="jqt-list-foot">
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={fields.length >= max} data-testid={`${name}-add`}>
                {t('form.listAdd')}
              </Button>
              <span className="jqt-muted" aria-live="polite" data-testid={`${name}-count`}>
                {t('form.listCount', { n: fields.length, min, max })}
              </span>
            </div>
            <div role="alert" className="jqt-list-errors">
              <Form.ErrorList errors={errors} />
            </div>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
