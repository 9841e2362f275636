import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { ReportDetailPage } from './ReportDetailPage';
import { ReportsPage } from './ReportsPage';

/** The plugin's page (`/admin/plugins/lessons`): error reports, for editors allowed to read them. */
export default function App() {
  return (
    <Page.Protect permissions={PERMISSIONS.readReports}>
      <Routes>
        <Route index element={<ReportsPage />} />
        <Route path="reports/:id" element={<ReportDetailPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Page.Protect>
  );
}
