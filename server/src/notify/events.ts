import type { Core } from '@strapi/strapi';
import { inBackground } from '../utils/background';

/**
 * Emits one of the plugin's webhook events (WEBHOOK_EVENTS). Not awaited by
 * the job that ended (deliveries take their time), but a listener's error is
 * logged and shutdown waits for the listeners.
 */
export const emitEvent = (strapi: Core.Strapi, event: string, payload: Record<string, unknown>) => {
  void inBackground(strapi, `event ${event}`, () => strapi.eventHub.emit(event, payload));
};
