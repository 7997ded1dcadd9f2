import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { QueueHealth } from '../../../../shared/queue';
import { useLoaded } from '../../hooks/useLoaded';
import { getTranslation } from '../../utils/getTranslation';
import { Card } from '../Card';

/** What carries imports and exports (BullMQ on Redis, or the database queue), and whether Redis answers. */
export const QueueHealthCard = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { data, reload } = useLoaded('queue-health', async () => (await get<{ data: QueueHealth }>('/contacts/settings/health')).data.data);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) => formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  if (!data) return null;
  const redis = data.redis;
  return (
    <Card
      data-testid="queue-health"
      title={t('settings.queue.title', 'Background jobs')}
      description={t('settings.queue.description', 'Imports and exports run in the background, on BullMQ when Redis is configured, else on the database.')}
      actions={
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={reload}>
          {t('settings.queue.check', 'Check again')}
        </Button>
      }
    >
      <Flex gap={2} wrap="wrap">
        <Badge active={data.queue === 'redis'}>
          {data.queue === 'redis' ? t('settings.queue.redis', 'BullMQ on Redis') : t('settings.queue.database', 'Database queue')}
        </Badge>
        {redis && (
          <Badge textColor={redis.ok ? 'success600' : 'danger600'} backgroundColor={redis.ok ? 'success100' : 'danger100'}>
            {redis.ok ? t('settings.queue.redisOk', 'Redis answers') : t('settings.queue.redisDown', 'Redis unreachable')}
          </Badge>
        )}
      </Flex>
      {redis && !redis.ok && (
        <Typography variant="omega" textColor="danger600">
          {t('settings.queue.fallback', 'Redis does not answer ({error}): jobs run on the database queue meanwhile, and go through BullMQ again once it is back.', {
            error: redis.error ?? '…',
          })}
        </Typography>
      )}
      {!redis && (
        <Typography variant="omega" textColor="neutral600">
          {t('settings.queue.noRedis', 'No Redis configured (redisUrl or REDIS_URL): every Strapi instance runs jobs from the database.')}
        </Typography>
      )}
      {!data.runsJobs && (
        <Typography variant="omega" textColor="neutral600">
          {t('settings.queue.enqueueOnly', 'This instance only enqueues jobs (runJobs: false): strapi-contacts worker processes run them.')}
        </Typography>
      )}
    </Card>
  );
};
