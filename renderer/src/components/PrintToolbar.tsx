import { Button, Group } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router-dom';

/**
 * The toolbar above a bare print view. It carries the `no-print` class, so each view's print CSS
 * (`@media print { .no-print { display: none } }`) keeps it off the paper.
 */
export function PrintToolbar({ back }: { back: string }) {
  return (
    <Group className="no-print" p="md" gap="xs">
      <Button component={Link} to={back} variant="default" leftSection={<IconArrowLeft size={16} />}>
        Назад
      </Button>
      <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
        Печать
      </Button>
    </Group>
  );
}
