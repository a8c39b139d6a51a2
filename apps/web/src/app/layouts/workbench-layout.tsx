import { caseUnitTypes } from '@jqt/domain';
import { UnorderedListOutlined, BellOutlined, DashboardOutlined, ShopOutlined, ContactsOutlined, FileTextOutlined, BankOutlined, FundOutlined, AlertOutlined, IdcardOutlined, ReadOutlined, CarOutlined, WarningOutlined, AuditOutlined, SecurityScanOutlined, FlagOutlined, TeamOutlined, BarChartOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';
import { StaffShell } from './staff-shell';

export default function WorkbenchLayout() {
  const { t } = useTranslation();
  return (
    <StaffShell
      testId="layout-workbench"
      title={t('workbench.title')}
      roles={['officer', 'unit-leader', 'supervisor', 'partner', 'admin']}
      settingsPath={paths.workbench.notificationSettings}
      itemPath={paths.workbench.item}
      menu={[
        { key: 'queue', to: paths.workbench.root, icon: <UnorderedListOutlined aria-hidden />, label: t('workbench.queue') },
        { key: 'notifications', to: paths.workbench.notifications, icon: <BellOutlined aria-hidden />, label: t('notifications.title') },
        { key: 'cases', to: paths.workbench.cases, icon: <AlertOutlined aria-hidden />, label: t('caseList.menu'), roles: ['officer', 'unit-leader', 'supervisor'], unitTypes: [...caseUnitTypes] },
        { key: 'incident-new', to: paths.workbench.newIncident, icon: <AlertOutlined aria-hidden />, label: t('cases.newIncident'), roles: ['officer', 'unit-leader'] },
        { key: 'incident-response', to: paths.dashboard.responseTimes, icon: <AlertOutlined aria-hidden />, label: t('cases.responseTimes'), roles: ['unit-leader', 'supervisor'] },
        { key: 'residence-batches', to: paths.workbench.residenceBatches, icon: <IdcardOutlined aria-hidden />, label: t('screens.menu.stationBatches'), roles: ['officer', 'unit-leader', 'supervisor'] },
        { key: 'liaison-mine', to: paths.workbench.liaisonMine, icon: <ContactsOutlined aria-hidden />, label: t('liaison.mineTitle'), roles: ['officer', 'unit-leader'] },
        { key: 'liaison-visits', to: paths.workbench.liaisonVisits, icon: <FileTextOutlined aria-hidden />, label: t('liaison.myVisits'), roles: ['officer', 'unit-leader'] },
        { key: 'liaison', to: paths.workbench.liaison, icon: <ShopOutlined aria-hidden />, label: t('liaison.officeTitle'), roles: ['unit-leader', 'supervisor'] },
        { key: 'liaison-centres', to: paths.workbench.serviceCentres, icon: <BankOutlined aria-hidden />, label: t('liaison.centresAdminTitle'), roles: ['unit-leader', 'supervisor'] },
        { key: 'liaison-coverage', to: paths.dashboard.coverage, icon: <FundOutlined aria-hidden />, label: t('liaison.coverageTitle'), roles: ['unit-leader', 'supervisor'] },
        { key: 'publications', to: paths.workbench.publications, icon: <ReadOutlined aria-hidden />, label: t('screens.menu.publications'), roles: ['officer', 'unit-leader', 'supervisor', 'admin'] },
        { key: 'accidents', to: paths.workbench.accidents, icon: <CarOutlined aria-hidden />, label: t('screens.menu.accidents'), roles: ['officer', 'unit-leader', 'supervisor', 'admin'] },
        { key: 'hazards', to: paths.workbench.hazards, icon: <WarningOutlined aria-hidden />, label: t('screens.menu.hazards'), roles: ['officer', 'unit-leader', 'supervisor', 'admin'] },
        { key: 'warnings', to: paths.workbench.warnings, icon: <AlertOutlined aria-hidden />, label: t('prevention.menu.warnings'), roles: ['officer', 'unit-leader', 'supervisor'] },
        { key: 'disputes', to: paths.workbench.disputes, icon: <SolutionOutlined aria-hidden />, label: t('disputes.menu'), roles: ['officer', 'unit-leader', 'supervisor'] },
        { key: 'department-warnings', to: paths.workbench.departmentWarnings, icon: <AlertOutlined aria-hidden />, label: t('prevention.menu.warnings'), roles: ['partner'] },
        { key: 'answer-review', to: paths.workbench.answerReview, icon: <AuditOutlined aria-hidden />, label: t('review.menu'), roles: ['unit-leader'] },
        // 网络安全检查: the cyber unit's staff, and those who read every unit's (supervisors, the city bureau's leaders)
        { key: 'cyber', to: paths.workbench.cyber, icon: <SecurityScanOutlined aria-hidden />, label: t('cyber.menu.inspections'), roles: ['officer', 'unit-leader', 'supervisor'], unitTypes: ['cyber', 'city-bureau'] },
        { key: 'cyber-drills', to: paths.workbench.cyberDrills, icon: <FlagOutlined aria-hidden />, label: t('cyber.menu.drills'), roles: ['officer', 'unit-leader', 'supervisor'], unitTypes: ['cyber', 'city-bureau'] },
        // 公开宣讲: the lecture team publishes; 宣讲覆盖 for the team, every unit's leaders and supervisors
        { key: 'open-lectures', to: paths.workbench.openLectures, icon: <TeamOutlined aria-hidden />, label: t('openLectures.menu.team'), roles: ['officer', 'unit-leader'], unitTypes: ['lecture-team'] },
        { key: 'lecture-coverage-team', to: paths.workbench.lectureCoverage, icon: <BarChartOutlined aria-hidden />, label: t('openLectures.menu.coverage'), roles: ['officer'], unitTypes: ['lecture-team'] },
        { key: 'lecture-coverage', to: paths.workbench.lectureCoverage, icon: <BarChartOutlined aria-hidden />, label: t('openLectures.menu.coverage'), roles: ['unit-leader', 'supervisor'] },
        { key: 'dashboard', to: paths.dashboard.root, icon: <DashboardOutlined aria-hidden />, label: t('dashboard.title'), roles: ['unit-leader', 'supervisor', 'admin'] },
      ]}
    />
  );
}
