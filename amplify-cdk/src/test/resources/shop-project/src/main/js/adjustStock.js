// The shop's custom stock adjustment: adds delta to a product's stock, refusing to go below zero.
import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ sku: ctx.args.sku }),
    update: {
      expression: 'SET #stock = #stock + :delta',
      expressionNames: { '#stock': 'stock' },
      expressionValues: util.dynamodb.toMapValues({ ':delta': ctx.args.delta, ':zero': 0 }),
    },
    condition: {
      expression: '#stock + :delta >= :zero',
    },
  };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
