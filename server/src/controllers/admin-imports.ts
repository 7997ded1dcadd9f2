import type { Context } from 'koa';
import * as yup from 'yup';
import { IMPORT_STATUSES } from '../constants';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';

const listQuery = yup.object({
  page: yup.number().integer().min(1),
  pageSize: yup.number().integer().min(1).max(100),
  status: yup.string().oneOf([...IMPORT_STATUSES], `status must be one of: ${IMPORT_STATUSES.join(', ')}`),
});

export default {
  async find(ctx: Context) {
    const query = await validate(listQuery, ctx.query);
    const { results, pagination } = await getService('imports').find(query);
    ctx.body = { data: results, meta: { pagination } };
  },
};
