/** Work stopped because the user asked: a job ends as `cancelled`, not `failed`. */
export class JobCancelled extends Error {
  constructor(message = 'Работа отменена пользователем') {
    super(message);
    this.name = 'JobCancelled';
  }
}
