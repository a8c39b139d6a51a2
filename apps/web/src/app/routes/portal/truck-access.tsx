import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { formatShanghai } from '@jqt/domain';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useMe } from '../../../features/auth/api/get-me';
import { useAccessCheck, useRoads, type AccessCheckInput, type AccessCheckResult } from '../../../features/traffic/api/access-check';

const USES = ['general', 'sanitation', 'muck', 'concrete'] as const;

/** Now as a Beijing wall-clock time (the picker edits Beijing time, whatever the device's zone). */
function beijingNow(): Dayjs {
  return dayjs(formatShanghai(new Date()).slice(0, 16));
}

interface Values {
  vehicle: { plate: string; newEnergy: boolean; totalMassKg: number; lengthMm: number; body: 'box' | 'other'; use: AccessCheckInput['vehicle']['use'] };
  roadId: string;
  at: Dayjs;
}

/** M8 货车通行查询: may this truck use this road at this time? Denied answers link to the temporary pass-code form. */
export default function TruckAccessPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const roads = useRoads();
  const check = useAccessCheck();
  const me = useMe();
  const navigate = useNavigate();
  const [result, setResult] = useState<AccessCheckResult | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const passLink = paths.enterprise.newItem('truck-pass');

  const finish = async (v: Values) => {
    setBanner(null);
    setResult(null);
    const road = roads.data?.find((r) => r.id === v.roadId);
    if (!road) return;
    const input: AccessCheckInput = {
      vehicle: { ...v.vehicle, plate: v.vehicle.plate.trim().toUpperCase(), newEnergy: !!v.vehicle.newEnergy },
      road: { roadId: road.id, inRestrictedZone: road.inRestrictedZone, class: road.class, nightCorridor: road.nightCorridor },
      at: `${v.at.format('YYYY-MM-DDTHH:mm')}:00+08:00`,
    };
    try {
      setResult(await check.mutateAsync(input));
    } catch (e) {
      if (!isApiError(e)) return setBanner(t('common.error'));
      const onFields = new Map<string, { name: (string | number)[]; errors: string[] }>();
      const other: string[] = [];
      for (const fe of e.fieldErrors) {
        const path = fe.path.replace(/^\//, '').replace(/\//g, '.');
        const name = /^vehicle\.(plate|newEnergy|totalMassKg|lengthMm|body|use)$/.test(path) ? path.split('.') : path.startsWith('road') ? ['roadId'] : path === 'at' ? ['at'] : null;
        if (!name) {
          other.push(fe.message);
          continue;
        }
        const key = name.join('.');
        const entry = onFields.get(key) ?? { name, errors: [] };
        entry.errors.push(fe.message);
        onFields.set(key, entry);
      }
      if (onFields.size) form.setFields([...onFields.values()] as Parameters<typeof form.setFields>[0]);
      if (other.length || !onFields.size) setBanner(other.length ? other.join('；') : e.message);
    }
  };

  return (
    <div className="jqt-content" style={{ maxWidth: 860 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('truck.title')}</Typography.Title>
        <p className="jqt-muted">{t('truck.intro')}</p>
        <Form<Values>
          form={form}
          name="truck"
          layout="vertical"
          onFinish={finish}
          onValuesChange={() => setResult(null)}
          disabled={check.isPending}
          scrollToFirstError
          initialValues={{ vehicle: { newEnergy: false, body: 'box', use: 'general' }, at: beijingNow() }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name={['vehicle', 'plate']} label={t('truck.plate')} extra={t('truck.plateHelp')} rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('truck.plate') }) }]}>
                <Input maxLength={8} autoComplete="off" placeholder="鲁C12345" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={['vehicle', 'newEnergy']} label={t('truck.newEnergy')} valuePropName="checked">
                <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={['vehicle', 'totalMassKg']} label={t('truck.totalMassKg')} rules={[{ required: true, message: t('form.required', { label: t('truck.totalMassKg') }) }]}>
                <InputNumber style={{ width: '100%' }} min={1} max={200000} precision={0} suffix="kg" inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={['vehicle', 'lengthMm']} label={t('truck.lengthMm')} rules={[{ required: true, message: t('form.required', { label: t('truck.lengthMm') }) }]}>
                <InputNumber style={{ width: '100%' }} min={1} max={30000} precision={0} suffix="mm" inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={['vehicle', 'body']} label={t('truck.body')}>
                <Radio.Group optionType="button" options={[{ value: 'box', label: t('truck.bodyBox') }, { value: 'other', label: t('truck.bodyOther') }]} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={['vehicle', 'use']} label={t('truck.use')}>
                <Select options={USES.map((u) => ({ value: u, label: t(`truck.uses.${u}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="roadId" label={t('truck.road')} rules={[{ required: true, message: t('form.required', { label: t('truck.road') }) }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={roads.isLoading}
                  placeholder={t('form.selectPlaceholder', { label: t('truck.road') })}
                  options={(roads.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
                  notFoundContent={roads.isError ? t('common.error') : undefined}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="at" label={t('truck.at')} rules={[{ required: true, message: t('form.required', { label: t('truck.at') }) }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
          </Row>
          {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" /> : null}
          <Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={check.isPending} data-testid="truck-check-submit">
              {t('truck.check')}
            </Button>
          </Form.Item>
        </Form>
        <div aria-live="polite">
          {result ? (
            <div data-testid="truck-check-result" data-allowed={String(result.allowed)} data-rule={result.rule}>
              <Alert
                type={result.allowed ? 'success' : 'error'}
                showIcon
                title={<strong>{result.allowed ? t('truck.allowed') : t('truck.denied')}</strong>}
                description={
                  <>
                    <p style={{ margin: '4px 0' }}>{result.reason}</p>
                    {result.advice ? <p style={{ margin: '4px 0' }}><strong>{t('truck.advice')}</strong>{result.advice}</p> : null}
                  </>
                }
              />
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ margin: "12px 0" }}>
                <Descriptions.Item label={t('truck.vehicleClass')}>{t(`truck.classes.${result.vehicleClass}`, { defaultValue: result.vehicleClass })}</Descriptions.Item>
              </Descriptions>
              {!result.allowed ? (
                <Button type="primary" size="large" block onClick={() => navigate(me.data ? passLink : paths.login(passLink))} data-testid="truck-apply-pass">
                  {t('truck.applyPass')}
                </Button>
              ) : null}
              {!result.allowed && !me.data ? <p className="jqt-muted">{t('truck.signInNeeded')}</p> : null}
            </div>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
