/**
 * Like admin::hasPermissions, but one of the actions is enough: the field list
 * is read by the fields page, the contact form and the import mapping, each
 * behind its own action.
 */
const hasAnyPermission = (policyContext: any, config: { actions: string[] }) => {
  const ability = policyContext.state?.userAbility;
  return !!ability && config.actions.some((action) => ability.can(action));
};

export default hasAnyPermission;
