import crypto from 'crypto';

/** A tiny client for the admin REST API, for test setup the UI is not under test for. */
export class AdminApi {
  private constructor(
    private readonly url: string,
    readonly token: string,
  ) {}

  static async login(url: string, email: string, password: string) {
    const res = await fetch(`${url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as any;
    if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(body)}`);
    return new AdminApi(url, body.data.token);
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // An unknown admin path answers the panel's HTML with 200: parse, never trust the status alone.
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      throw new Error(`${method} ${path} answered non-JSON (${res.status}): ${text.slice(0, 120)}`);
    }
    return { status: res.status, body: parsed };
  }

  async ok<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  createField(field: { key: string; label: string; type: string; options?: string[]; required?: boolean }) {
    return this.ok('POST', '/contacts/fields', field).then((b) => b.data);
  }

  createContact(contact: Record<string, unknown>) {
    return this.ok('POST', '/contacts/contacts', contact).then((b) => b.data);
  }

  findContacts(q?: string) {
    return this.ok('GET', `/contacts/contacts${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }

  /** An active admin user whose only role holds exactly `actions`. */
  async createUserWithActions(actions: string[], password: string) {
    const suffix = crypto.randomBytes(4).toString('hex');
    const role = (await this.ok('POST', '/admin/roles', { name: `e2e role ${suffix}`, description: 'e2e' })).data;
    await this.ok('PUT', `/admin/roles/${role.id}/permissions`, {
      permissions: actions.map((action) => ({ action, subject: null, conditions: [], properties: {} })),
    });
    const email = `e2e-${suffix}@contacts.test`;
    const user = (await this.ok('POST', '/admin/users', { email, firstname: 'Reader', lastname: suffix, roles: [role.id] })).data;
    await this.ok('PUT', `/admin/users/${user.id}`, { password, isActive: true });
    return { email, password, roleId: role.id };
  }
}
