import { Injectable } from '@nestjs/common';

export interface NeutronExtension {
  alias: string;
  name: string;
  description: string;
}

/** Extensions that are really served: each feature module registers what it implements. */
@Injectable()
export class NeutronExtensions {
  private readonly byAlias = new Map<string, NeutronExtension>();
  private readonly collections = new Set<string>();

  /** Collections served under /v2.0, for the resource list. */
  registerCollections(...names: string[]): void {
    for (const name of names) this.collections.add(name);
  }

  listCollections(): string[] {
    return [...this.collections].sort();
  }

  register(...extensions: NeutronExtension[]): void {
    for (const extension of extensions) this.byAlias.set(extension.alias, extension);
  }

  list(): NeutronExtension[] {
    return [...this.byAlias.values()].sort((a, b) => a.alias.localeCompare(b.alias));
  }

  get(alias: string): NeutronExtension | undefined {
    return this.byAlias.get(alias);
  }
}

/** Behaviours the shared API machinery gives every resource. */
export const CORE_EXTENSIONS: NeutronExtension[] = [
  { alias: 'project-id', name: 'project_id field enabled', description: 'Resources show project_id beside tenant_id.' },
  { alias: 'standard-attr-revisions', name: 'Resource revision numbers', description: 'Resources carry revision_number.' },
  { alias: 'revision-if-match', name: 'If-Match constraints based on revision_number', description: 'PUT and DELETE honour If-Match: revision_number=N.' },
  { alias: 'standard-attr-timestamp', name: 'Resource timestamps', description: 'Resources carry created_at and updated_at.' },
  { alias: 'standard-attr-description', name: 'standard-attr-description', description: 'Resources carry a description.' },
  { alias: 'standard-attr-tag', name: 'Tag support for resources with standard attribute', description: 'Tags on resources and tag filters.' },
  { alias: 'tag-creation', name: 'Tag support for resources during creation', description: 'Tags may be given in a create request.' },
  { alias: 'pagination', name: 'Pagination support', description: 'limit, marker and page_reverse with *_links.' },
  { alias: 'sorting', name: 'Sorting support', description: 'sort_key and sort_dir.' },
  { alias: 'filter-validation', name: 'Filter parameters validation', description: 'Unknown filter keys are rejected with 400.' },
];
