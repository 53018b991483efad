import type { Conversation, Task } from '../../../src-shared/contract';
import type { ApiClient } from '../../api/client';
import { conversationKey, type CaptureInput } from './captureForm';

/** What one quick capture made. */
export interface CaptureResult {
  conversation: Conversation;
  task: Task | null;
}

/** The conversation already logged for a draft, recognised by its key (see conversationKey). */
export interface LoggedDraft {
  key: string;
  conversation: Conversation;
}

/**
 * Logs the conversation, then its follow-up if any. There is no one call for both: when the
 * follow-up is refused after the conversation went in, `onLogged` has been told, and saving the same
 * draft again with that `logged` only adds the follow-up instead of logging the conversation twice.
 * Rejects with the ApiError of whichever call was refused.
 */
export async function saveCapture(
  api: Pick<ApiClient, 'invoke'>,
  { conversation: draft, followUp }: CaptureInput,
  logged: LoggedDraft | null,
  onLogged: (logged: LoggedDraft) => void,
): Promise<CaptureResult> {
  const key = conversationKey(draft);
  const conversation =
    logged?.key === key ? logged.conversation : await api.invoke('conversations.create', draft);
  onLogged({ key, conversation });
  const task = followUp ? await api.invoke('tasks.create', followUp) : null;
  return { conversation, task };
}
