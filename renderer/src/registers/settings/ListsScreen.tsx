import { SegmentedControl, Stack } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { EDITABLE_LIST_INFO, EDITABLE_LISTS, type EditableList } from '@shared/enums';
import { EditableListScreen } from '@renderer/components/EditableList';

const isList = (key: string | undefined): key is EditableList => EDITABLE_LISTS.includes(key as EditableList);

/** Настройки → Списки: the lists the center edits, one at a time (#/settings/lists/planForms). */
export function ListsScreen() {
  const { list } = useParams();
  const navigate = useNavigate();
  if (!isList(list)) return <Navigate to={`/settings/lists/${EDITABLE_LISTS[0]}`} replace />;
  return (
    <Stack>
      {EDITABLE_LISTS.length > 1 ? (
        <SegmentedControl
          data={EDITABLE_LISTS.map((key) => ({ value: key, label: EDITABLE_LIST_INFO[key].title }))}
          value={list}
          onChange={(key) => navigate(`/settings/lists/${key}`)}
          aria-label="Список"
        />
      ) : null}
      <EditableListScreen key={list} list={list} />
    </Stack>
  );
}
