import { loadProviderSchema, validateStack } from './schema-validator';

const user = { name: 'ci-puller' };

describe('the offline schema validator catches each fault', () => {
  const cases: [string, unknown, string[]][] = [
    [
      'an unknown resource type',
      { resource: { alicloud_ram_usr: { u: user } } },
      ['resource.alicloud_ram_usr.u: unknown resource type alicloud_ram_usr'],
    ],
    [
      'an unknown data source type',
      { data: { alicloud_acount: { a: {} } } },
      ['data.alicloud_acount.a: unknown data type alicloud_acount'],
    ],
    [
      'an unknown attribute',
      { resource: { alicloud_ram_user: { u: { ...user, nmae: 'x' } } } },
      ['resource.alicloud_ram_user.u.nmae: unknown attribute or block'],
    ],
    [
      'a missing required attribute',
      { resource: { alicloud_ram_user: { u: { display_name: 'CI' } } } },
      ['resource.alicloud_ram_user.u.name: missing required attribute'],
    ],
    [
      'a wrong primitive type',
      { resource: { alicloud_ram_user: { u: { ...user, force: 'yes' } } } },
      ['resource.alicloud_ram_user.u.force: expected bool, got "yes"'],
    ],
    [
      'a wrong collection type',
      { resource: { alicloud_ram_group_membership: { m: { group_name: 'g', user_names: 'a' } } } },
      ['resource.alicloud_ram_group_membership.m.user_names: expected set(string), got "a"'],
    ],
    [
      'a computed-only attribute that is set',
      {
        resource: {
          alicloud_ram_policy: { p: { policy_name: 'p', policy_document: '{}', attachment_count: 1 } },
        },
      },
      ['resource.alicloud_ram_policy.p.attachment_count: computed-only attribute cannot be set'],
    ],
    [
      'an unknown provider argument',
      { provider: { alicloud: [{ regoin: 'cn-hangzhou' }] } },
      ['provider.alicloud[0].regoin: unknown attribute or block'],
    ],
    [
      'an unknown attribute inside a nested block',
      { provider: { alicloud: [{ assume_role: [{ role_arn: 'acs:ram::1:role/x', sesion_name: 'x' }] }] } },
      ['provider.alicloud[0].assume_role[0].sesion_name: unknown attribute or block'],
    ],
  ];

  test.each(cases)('%s', (_name, stack, expected) => {
    expect(validateStack(stack).map((v) => `${v.path}: ${v.message}`)).toEqual(expected);
  });

  test('references and meta-arguments are accepted', () => {
    const stack = {
      resource: {
        alicloud_ram_user: {
          u: { name: '${var.name}', force: '${var.force}', depends_on: ['x'], lifecycle: {} },
        },
      },
    };
    expect(validateStack(stack)).toEqual([]);
  });

  test('resources of other providers are left alone', () => {
    expect(validateStack({ resource: { null_resource: { n: { triggers: {} } } } })).toEqual([]);
  });

  test('the committed schema is for the pinned alicloud release', () => {
    expect(Object.keys(loadProviderSchema().resource_schemas)).toContain(
      'alicloud_resource_manager_policy_attachment',
    );
  });
});
