/**
 * Where a grant applies: the whole account, or one or more resource groups. Resource group IDs may
 * be literals (`rg-…`) or tokens, such as the `id` of an alicloud_resource_manager_resource_group in
 * the same stack; literals are checked against RESOURCE_GROUP_ID_RULE when the grant is created.
 */
export class CrAccessScope {
  /** Every resource of the account. */
  public static account(): CrAccessScope {
    return new CrAccessScope([]);
  }

  /**
   * The given resource groups (at least one). Actions that resource-group scope ignores are granted
   * at account level by the grant, listed explicitly.
   */
  public static resourceGroups(resourceGroupIds: string[]): CrAccessScope {
    return new CrAccessScope([...resourceGroupIds], true);
  }

  /** The resource group IDs; empty for account scope. */
  public readonly resourceGroupIds: string[];
  /** True when the scope was built from resource groups (even from an empty, invalid list). */
  public readonly isResourceGroupScope: boolean;

  private constructor(resourceGroupIds: string[], isResourceGroupScope = false) {
    this.resourceGroupIds = resourceGroupIds;
    this.isResourceGroupScope = isResourceGroupScope;
  }
}
