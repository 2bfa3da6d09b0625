import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
// The Russian rules, and with them dayjs's Russian locale, which Mantine's calendars use.
import '@shared/russian/dates';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/client';
import './api/undo';
import { captureToken } from './api/transport';
import { App, primeFirstScreen } from './app/App';

captureToken();
primeFirstScreen();

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'ru', firstDayOfWeek: 1 }}>
        <ModalsProvider labels={{ confirm: 'Да', cancel: 'Отмена' }}>
          {/*
            Bottom left, as narrow as the navigation, short-lived, at most three: there they cover
            no action. At the top right they covered «Добавить», «Новая группа», «Новое заседание»;
            at the bottom right a dialog's «Сохранить» and the pickers under a long form.
          */}
          <Notifications position="bottom-left" containerWidth={236} autoClose={4000} limit={3} />
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
