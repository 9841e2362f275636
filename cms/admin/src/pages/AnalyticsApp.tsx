import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { AnalyticsPage } from './AnalyticsPage';

/** "Lesson analytics" (`/admin/plugins/lessons-analytics`), for editors allowed to read them. */
export default function AnalyticsApp() {
  return (
    <Page.Protect permissions={PERMISSIONS.readAnalytics}>
      <Routes>
        <Route index element={<AnalyticsPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Page.Protect>
  );
}
