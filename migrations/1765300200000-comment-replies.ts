import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every question gets a written answer (issue 17.2): the council's reply to a draft's comment. */
export class CommentReplies1765300200000 implements MigrationInterface {
  name = 'CommentReplies1765300200000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE convention_comment
        ADD COLUMN reply_text text,
        ADD COLUMN replied_by uuid REFERENCES member(id) ON DELETE SET NULL,
        ADD COLUMN replied_at timestamptz,
        ADD CONSTRAINT convention_comment_reply_check CHECK (
          (reply_text IS NULL) = (replied_at IS NULL)
          AND (reply_text IS NULL OR char_length(reply_text) BETWEEN 1 AND 2000))`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE convention_comment
        DROP CONSTRAINT convention_comment_reply_check,
        DROP COLUMN reply_text, DROP COLUMN replied_by, DROP COLUMN replied_at`);
  }
}
