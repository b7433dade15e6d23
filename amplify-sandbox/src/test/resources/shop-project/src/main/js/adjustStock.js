import { util } from '@aws-appsync/utils';

/**
 * The shop's custom mutation: adds `delta` to a product's stock, refusing unknown products and stock below zero.
 */
export function request(ctx) {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ sku: ctx.args.sku }),
    update: {
      expression: 'SET #stock = #stock + :delta',
      expressionNames: { '#stock': 'stock' },
      expressionValues: util.dynamodb.toMapValues({ ':delta': ctx.args.delta }),
    },
    condition: {
      expression: 'attribute_exists(#sku) AND #stock >= :floor',
      expressionNames: { '#sku': 'sku', '#stock': 'stock' },
      expressionValues: util.dynamodb.toMapValues({ ':floor': 0 - ctx.args.delta }),
    },
  };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
