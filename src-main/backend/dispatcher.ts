import {
  contract,
  describeIssues,
  isChannel,
  toFieldIssues,
  type Channel,
  type ChannelOutput,
  type Envelope,
  type ParsedInput,
} from '../../src-shared/contract';
import { fromUnknown } from '../core/errors';
import type { Logger } from '../core/logger';

/** One handler per channel; a domain supplies its slice (see customers/handlers.ts). */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};
export type HandlerSlice<C extends Channel> = Pick<Handlers, C>;

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry every door calls. It never throws: unknown channels, invalid input and
 * failures all come back as `{ ok: false, error }`, because Electron keeps only `message` of a
 * thrown error and HTTP keeps nothing.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${channel}".` },
      };
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error, rawInput);
      return { ok: false, error: { code: 'VALIDATION', message: describeIssues(issues), issues } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const data: unknown = spec.output.parse(await handler(parsed.data));
      return { ok: true, data };
    } catch (error) {
      const appError = fromUnknown(error);
      if (appError.code === 'INTERNAL' || appError.code === 'IO') {
        logger.error(`${channel} failed`, error);
      }
      return { ok: false, error: appError.toBody() };
    }
  };
}
