import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Drawer, Empty, Form, Grid, Input, List, Modal, Row, Select, Space, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../types/api';
import { isApiError } from '../../../lib/api-client';
import { useUnits } from '../../../features/units/api/get-units';
import { useUnitStaff } from '../../../features/units/api/unit-staff';
import { useCentreBookings, useSaveCentre, useServiceCentres } from '../../../features/liaison/api/service-centres';
import type { CentreInput, ServiceCentre } from '../../../features/liaison/api/types';
import { CentreCard } from '../../../features/liaison/components/centre-card';
import { districtOptions, splitFieldErrors } from '../../../features/liaison/components/labels';

const FIELDS = ['name', 'park', 'district', 'address', 'hours', 'phone', 'services', 'staffIds'] as const;
type Values = Partial<CentreInput> & { staffUnitId?: string };

/** The centre's staff: the current ones plus the picked unit's handling staff. */
function StaffSelect({ unitId, known, ...props }: { unitId?: string; known: { id: string; displayName: string }[]; id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation();
  const staff = useUnitStaff(unitId);
  const options = new Map(known.map((s) => [s.id, s.displayName]));
  for (const s of staff.data ?? []) options.set(s.id, s.displayName);
  return <Select mode="multiple" allowClear loading={staff.isLoading} placeholder={t('liaison.pickPerson')} options={[...options].map(([value, label]) => ({ value, label }))} {...props} />;
}

/** The office adds and edits 驻企服务中心 (and sees each centre's bookings). */
export default function CentresAdminPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const centres = useServiceCentres();
  const units = useUnits();
  const save = useSaveCentre();
  const [editing, setEditing] = useState<ServiceCentre | 'new' | null>(null);
  const [bookingsOf, setBookingsOf] = useState<ServiceCentre | null>(null);
  const bookings = useCentreBookings(bookingsOf?.id ?? null);
  const [banner, setBanner] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const staffUnitId = Form.useWatch('staffUnitId', form);
  const police = (units.data ?? []).filter((u: Unit) => u.unitType !== 'partner');

  useEffect(() => {
    if (!editing) return;
    setBanner(null);
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue({ ...editing, staffIds: editing.staff.map((s) => s.id) });
  }, [editing, form]);

  const submit = async () => {
    if (!editing) return;
    setBanner(null);
    const v = form.getFieldsValue();
    const input: CentreInput = {
      name: v.name?.trim() ?? '',
      park: v.park?.trim() ?? '',
      district: v.district ?? '',
      address: v.address?.trim() ?? '',
      hours: v.hours?.trim() ?? '',
      phone: v.phone?.trim() ?? '',
      services: (v.services ?? []).map((s) => s.trim()).filter(Boolean),
      staffIds: v.staffIds ?? [],
    };
    try {
      await save.mutateAsync({ id: editing === 'new' ? undefined : editing.id, input });
      message.success(t('common.saved'));
      setEditing(null);
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => ((FIELDS as readonly string[]).includes(String(n[0])) ? [n[0]] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('liaison.centresAdminTitle')}</Typography.Title>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="centre-add">
          {t('liaison.addCentre')}
        </Button>
      }
      className="jqt-wrap-title"
      data-testid="centres-admin"
    >
      {centres.data && !centres.data.length ? <Empty description={t('liaison.noCentres')} /> : null}
      <Row gutter={[12, 12]}>
        {(centres.data ?? []).map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <CentreCard
              centre={c}
              extra={
                <Space wrap>
                  <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(c)} aria-label={`${t('liaison.editCentre')}：${c.name}`}>
                    {t('liaison.editCentre')}
                  </Button>
                  <Button size="small" icon={<CalendarOutlined aria-hidden />} onClick={() => setBookingsOf(c)} aria-label={`${t('liaison.centreBookings')}：${c.name}`}>
                    {t('liaison.centreBookings')}
                  </Button>
                  <Typography.Text type="secondary">{t('liaison.staffCount', { n: c.staff.length })}</Typography.Text>
                </Space>
              }
            />
          </Col>
        ))}
      </Row>
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('liaison.addCentre') : t('liaison.editCentre')}
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        width={680}
        forceRender
      >
        <Form form={form} layout="vertical" name="centre" requiredMark>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="name" label={t('liaison.centreName')} required>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="park" label={t('liaison.park')} required>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="district" label={t('liaison.district')} required>
                <Select options={districtOptions(lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="phone" label={t('liaison.phone')} required>
                <Input maxLength={30} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="address" label={t('liaison.address')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="hours" label={t('liaison.hours')} required>
            <Input maxLength={100} placeholder={t('liaison.hoursPlaceholder')} />
          </Form.Item>
          <Form.Item name="services" label={t('liaison.services')} extra={t('liaison.servicesHelp')}>
            <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} suffixIcon={null} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={10}>
              <Form.Item name="staffUnitId" label={t('liaison.staffUnit')}>
                <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={police.map((u) => ({ value: u.id, label: lang === 'en' ? u.nameEn || u.nameZh : u.nameZh }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item name="staffIds" label={t('liaison.centreStaff')}>
                <StaffSelect unitId={staffUnitId} known={editing && editing !== 'new' ? editing.staff : []} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
      </Modal>
      <Drawer open={!!bookingsOf} onClose={() => setBookingsOf(null)} title={t('liaison.centreBookingsOf', { name: bookingsOf?.name ?? '' })} size={screens.md ? 440 : 360}>
        <List
          loading={bookings.isLoading}
          dataSource={bookings.data ?? []}
          locale={{ emptyText: <Empty description={t('liaison.noBookings')} /> }}
          renderItem={(b) => (
            <List.Item>
              <div>
                <strong>
                  {b.date} {t(`liaison.slots.${b.slot}`)}
                </strong>{' '}
                {b.enterpriseName}
                <div>{b.purpose}</div>
              </div>
            </List.Item>
          )}
        />
        {bookings.isError ? <Alert type="error" showIcon title={(bookings.error as Error).message} /> : null}
      </Drawer>
    </Card>
  );
}
