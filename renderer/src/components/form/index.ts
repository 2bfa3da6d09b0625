/** The form stack every form uses: see useContractForm.ts. */
export { Declined, useContractForm, type ContractForm, type ContractFormOptions, type FieldForm, type FrameForm } from './useContractForm';
export { FormFrame, SaveButton } from './FormFrame';
export { FormDialog } from './FormDialog';
export { DateField, LongTextField, TextField, remainingNote } from './fields';
export { LeaveGuard, useLeaveGuard } from './leaveGuard';
export { keptRows, maxLengthAt, remapRow, withoutDataPrefix } from './schema';
