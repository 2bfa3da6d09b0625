import { Alert, Button, Group, List, Loader, Paper, Progress, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconFileTypeDocx } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { FileOutput } from '@shared/contract/define';
import type { Job } from '@shared/contract/jobs';
import { REPORT_STEP_LABELS, REPORT_STEPS, type ReportPeriod } from '@shared/contract/reports';
import { useChange } from '@renderer/api/client';
import { useJob } from '@renderer/api/jobs';
import { saveFile } from '@renderer/lib/download';

/**
 * «Скачать (Word)»: the file is built as a job in the worker; while it runs the screen lists its
 * steps (the data, the charts, the document) with the current one marked, and the file is saved
 * once the job answers it. A failure says why, in the job's own words.
 */
export function useReportDocx(period: ReportPeriod) {
  const start = useChange('reports.buildDocx');
  const [started, setStarted] = useState<Job<FileOutput> | null>(null);
  const job = useJob(started);
  const saved = useRef<string | null>(null);
  useEffect(() => {
    if (job?.state === 'ok' && job.result && saved.current !== job.id) {
      saved.current = job.id;
      saveFile(job.result);
    }
  }, [job]);
  const running = start.isPending || job?.state === 'running';
  const button = (
    <Button
      variant="default"
      leftSection={<IconFileTypeDocx size={16} />}
      loading={running}
      onClick={() => start.mutate(period, { onSuccess: (j) => setStarted(j as Job<FileOutput>) })}
    >
      Скачать (Word)
    </Button>
  );
  return { button, progress: job ? <BuildSteps job={job} /> : null };
}

function BuildSteps({ job }: { job: Job<FileOutput> }) {
  if (job.state === 'failed' || job.state === 'cancelled')
    return (
      <Alert color={job.state === 'failed' ? 'red' : 'yellow'} title="Файл Word не сформирован">
        {job.error}
      </Alert>
    );
  const current = job.state === 'ok' ? REPORT_STEPS.length : REPORT_STEPS.findIndex((s) => REPORT_STEP_LABELS[s] === job.step);
  return (
    <Paper withBorder p="sm" aria-label="Формирование файла Word">
      <Group justify="space-between" mb={6}>
        <Text fw={600} size="sm">
          {job.state === 'ok' ? `Файл сформирован: ${job.result?.fileName ?? ''}` : 'Формируется файл Word…'}
        </Text>
        <Text size="sm" c="dimmed">
          {job.percent}%
        </Text>
      </Group>
      <Progress value={job.percent} animated={job.state === 'running'} aria-label="Ход формирования" mb="xs" />
      <List spacing={4} size="sm" center>
        {REPORT_STEPS.map((step, i) => (
          <List.Item
            key={step}
            data-step-state={i < current ? 'done' : i === current ? 'current' : 'waiting'}
            icon={
              i < current ? (
                <ThemeIcon color="green" size={18} radius="xl">
                  <IconCheck size={12} />
                </ThemeIcon>
              ) : i === current ? (
                <Loader size={16} />
              ) : (
                <ThemeIcon color="gray" variant="light" size={18} radius="xl">
                  {' '}
                </ThemeIcon>
              )
            }
          >
            {REPORT_STEP_LABELS[step]}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
