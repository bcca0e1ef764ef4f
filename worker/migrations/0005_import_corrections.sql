-- The clerk's corrections to an imported document (shared/schemas/import-corrections.ts), kept per
-- organisation and document so that importing the same document again reapplies them. The key is
-- the document number the parser read (文号:…) or, for a document without one, the SHA-256 of its
-- text (sha256:…).
CREATE TABLE import_corrections (
  org_id            TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  doc_key           TEXT NOT NULL,
  corrections_json  TEXT NOT NULL,
  updated_by        TEXT,
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (org_id, doc_key)
);
