import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type ValidationMetadata = Parameters<Storage['addValidationMetadata']>[0];

let remembering = false;

/**
 * class-validator looks up a DTO's rules on every validation by walking the rules of every DTO
 * class of the service (~400 of them) for the DTO's ancestors: about a third of validation's time
 * on a scan (docs/benchmarks.md, issue 15.5). The rules are fixed once the classes are loaded, so
 * the answer is remembered per class; a rule added later (a class loaded later) forgets them all.
 * Only plain lookups (no schema, no groups) are remembered; the rest are answered as before.
 */
export function rememberValidationRules(): void {
  if (remembering) return;
  remembering = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  const known = new Map<string, Map<unknown, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata: ValidationMetadata) => {
    known.clear();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema || (groups && groups.length > 0)) {
      return lookup(target, schema, always, strictGroups, groups);
    }
    const options = `${always}:${strictGroups}`;
    let byTarget = known.get(options);
    if (!byTarget) known.set(options, (byTarget = new Map<unknown, ValidationMetadata[]>()));
    let rules = byTarget.get(target);
    if (!rules)
      byTarget.set(target, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
}
